#pragma once
// QR codes for verification links (a notice's or licence's "scan to verify"), from libqrencode.
// Error-correction level M (15 % of the code may be dirty or folded and still read), always in
// 8-bit byte mode, so a URL keeps its lower-case letters and Chinese text travels as its UTF-8
// bytes. Text with any non-ASCII byte is marked UTF-8 (ECI 26): without the mark decoders guess,
// and zbar guessed Shift-JIS for 食品经营许可. ASCII text goes unmarked, readable by any scanner.
//
// Pure functions, thread-safe: libqrencode's only shared state, its Reed-Solomon tables, is built
// under its own mutex (Debian's build links pthreads).
#include <string>
#include <string_view>
#include <vector>

namespace tongban::documents {

struct QrCode {
  int size = 0;            // modules per side (21 for version 1 … 177 for version 40)
  std::vector<bool> dark;  // size × size, row-major: dark[y * size + x]
  bool At(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// The smallest QR symbol that holds `text`. Throws tongban::Error 422 documents.qr_text when
// `text` is empty or longer than a QR code holds at level M (2,331 bytes; 2,330 with the UTF-8
// mark).
QrCode EncodeQr(std::string_view text);

// A standalone SVG image of EncodeQr(text): dark squares (one path) on white, with the 4-module
// quiet zone scanners need; 4 px per module unless CSS sizes it. For the web pages; the PDF draws
// the matrix itself. Throws as EncodeQr.
std::string QrSvg(std::string_view text);

}  // namespace tongban::documents
