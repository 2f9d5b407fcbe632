#include "platform/documents/qr.hpp"

#include <fmt/format.h>

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "platform/errors/error.hpp"

namespace tongban::documents {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the symbol (ISO/IEC 18004)
constexpr int kSvgPixelsPerModule = 4;
constexpr unsigned kEciUtf8 = 26;  // ECI assignment number of UTF-8

Error BadText(const std::string& zh, const std::string& en) {
  return Error::Unprocessable("documents.qr_text", zh, en);
}

}  // namespace

QrCode EncodeQr(std::string_view text) {
  if (text.empty()) throw BadText("二维码内容不能为空", "A QR code needs some text");
  std::unique_ptr<QRinput, decltype(&QRinput_free)> input(QRinput_new2(0, QR_ECLEVEL_M), &QRinput_free);  // 0: smallest
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  // Without the marker, decoders guess the byte mode's character set; zbar read 食品经营许可 as
  // Shift-JIS. Plain ASCII (most URLs) goes without it, for the oldest scanners.
  if (!input || (!ascii && QRinput_appendECIheader(input.get(), kEciUtf8) != 0) ||
      QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()),
                     reinterpret_cast<const unsigned char*>(text.data())) != 0)
    throw Error::Internal("documents.qr_failed", "QRinput failed, errno " + std::to_string(errno));
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeInput(input.get()), &QRcode_free);
  if (!code) {
    if (errno == ERANGE)
      throw BadText("二维码内容过长（" + std::to_string(text.size()) + " 字节）",
                    "Text too long for a QR code (" + std::to_string(text.size()) + " bytes)");
    throw Error::Internal("documents.qr_failed", "QRcode_encodeInput failed, errno " + std::to_string(errno));
  }
  QrCode qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<std::size_t>(qr.size) * qr.size);
  for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = code->data[i] & 1;  // bit 0: dark
  return qr;
}

std::string QrSvg(std::string_view text) {
  const QrCode qr = EncodeQr(text);
  const int side = qr.size + 2 * kQuietZone;
  // One "M x y h n v1 h-n z" per horizontal run of dark modules: a few kilobytes for a URL.
  std::string path;
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size;) {
      if (!qr.At(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < qr.size && qr.At(x + run, y)) ++run;
      path += fmt::format("M{} {}h{}v1h-{}z", x + kQuietZone, y + kQuietZone, run, run);
      x += run;
    }
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" height=\"{1}\" "
      "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"二维码 QR code\"><rect width=\"{0}\" height=\"{0}\" "
      "fill=\"#fff\"/><path fill=\"#000\" d=\"{2}\"/></svg>",
      side, side * kSvgPixelsPerModule, path);
}

}  // namespace tongban::documents
