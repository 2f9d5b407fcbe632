// FileStore on both stores, keeping bytes in the database and in a directory: the same bytes are
// stored once, what comes back is what went in, and bytes changed behind its back are caught.
#include "platform/files/file_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/crypto/hash.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"

namespace tongban::files {
namespace {

namespace fs = std::filesystem;
using Param = std::tuple<std::string, bool>;  // dialect, bytes on disk

constexpr const char* kPdfBytes = "%PDF-1.7\n受理通知书\n%%EOF\n";

// A fresh database with the files table, and a fresh directory. Shared by the suites below.
class FilesFixture {
 protected:
  void Open(const std::string& dialect, bool on_disk) {
    on_disk_ = on_disk;
    store_db_ = std::make_unique<testing::TestDatabase>(dialect);
    std::vector<db::Migration> only_files;
    for (auto& m : db::BuiltInMigrations())
      if (m.name == "platform/files/migrations/001_files") only_files.push_back(m);
    ASSERT_EQ(only_files.size(), 1u) << "src/migrations.txt must list platform/files/migrations/001_files";
    db::Migrate(db(), only_files);
    dir_ = fs::temp_directory_path() / ("tongban-files-" + crypto::RandomHex(6));
  }
  ~FilesFixture() { fs::remove_all(dir_); }

  bool on_disk() const { return on_disk_; }
  FileStore Store() const { return FileStore(on_disk() ? dir_.string() : ""); }
  db::Database& db() { return store_db_->db(); }
  fs::path PathOf(const std::string& sha) const { return dir_ / sha.substr(0, 2) / sha.substr(2, 2) / sha; }

  StoredFile Put(const FileStore& store, std::string_view bytes, const std::string& type = "application/pdf") {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    StoredFile f = store.Put(tx, bytes, type, clock_.Now());
    tx.Commit();
    return f;
  }
  std::optional<std::string> Get(const FileStore& store, const std::string& sha) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return store.Get(tx, sha);
  }
  std::optional<StoredFile> Stat(const std::string& sha) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return Store().Stat(tx, sha);
  }
  // The code of the tongban::Error that Get throws, or "" when it does not throw.
  std::string GetErrorCode(const FileStore& store, const std::string& sha) {
    try {
      Get(store, sha);
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 500);
      return e.code();
    }
    return "";
  }

  bool on_disk_ = false;
  std::unique_ptr<testing::TestDatabase> store_db_;
  fs::path dir_;
  time::ManualClock clock_{time::FromMicros(1'790'000'000'000'000)};
};

// Every case on both stores, with the bytes in the database and in a directory.
class FileStoreTest : public FilesFixture, public ::testing::TestWithParam<Param> {
 protected:
  void SetUp() override { Open(std::get<0>(GetParam()), std::get<1>(GetParam())); }
};

// Cases about the directory itself, or about both settings at once: on both stores.
class FileStoreDirTest : public FilesFixture, public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { Open(GetParam(), /*on_disk=*/true); }
};

TEST_P(FileStoreTest, PutThenGetAndStat) {
  const FileStore store = Store();
  const StoredFile f = Put(store, kPdfBytes);
  EXPECT_EQ(f.sha256, crypto::Sha256Hex(kPdfBytes));
  EXPECT_EQ(f.size, static_cast<std::int64_t>(std::string_view(kPdfBytes).size()));
  EXPECT_EQ(f.media_type, "application/pdf");
  EXPECT_EQ(Get(store, f.sha256), kPdfBytes);
  const auto stat = Stat(f.sha256);
  ASSERT_TRUE(stat);
  EXPECT_EQ(stat->sha256, f.sha256);
  EXPECT_EQ(stat->size, f.size);
  EXPECT_EQ(stat->media_type, "application/pdf");

  db::Tx tx = db().Begin(db::TxMode::kRead);
  const auto row = tx.QueryOne("SELECT content IS NULL, created_at FROM files WHERE sha256 = ?", {f.sha256});
  EXPECT_EQ(row->Text(0) == "1" || row->Text(0) == "t", on_disk()) << "bytes in the row only without a directory";
  EXPECT_EQ(row->Int(1), time::ToMicros(clock_.Now()));
  EXPECT_EQ(fs::exists(PathOf(f.sha256)), on_disk());
}

TEST_P(FileStoreTest, UnknownAndMalformedKeysAreMisses) {
  const FileStore store = Store();
  Put(store, kPdfBytes);
  const std::string unknown = crypto::Sha256Hex("never stored");
  std::string upper = crypto::Sha256Hex(kPdfBytes);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& key : {unknown, upper, std::string("../../../etc/passwd"), std::string(""),
                                 unknown.substr(0, 63), unknown + "0"}) {
    EXPECT_EQ(Get(store, key), std::nullopt) << key;
    EXPECT_EQ(Stat(key), std::nullopt) << key;
  }
}

TEST_P(FileStoreTest, SameBytesAreStoredOnce) {
  const FileStore store = Store();
  const StoredFile first = Put(store, kPdfBytes);
  clock_.Advance(std::chrono::hours(24));
  const StoredFile again = Put(store, kPdfBytes, "application/octet-stream");
  EXPECT_EQ(again.sha256, first.sha256);
  EXPECT_EQ(again.media_type, "application/pdf") << "the first row stands";
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM files")->Int(0), 1);
  EXPECT_EQ(tx.QueryOne("SELECT created_at FROM files")->Int(0),
            time::ToMicros(clock_.Now() - std::chrono::hours(24)));
}

TEST_P(FileStoreTest, EveryByteValueAndEmptyFilesRoundTrip) {
  const FileStore store = Store();
  std::string all;
  for (int i = 0; i < 3 * 256; ++i) all.push_back(static_cast<char>(i % 256));  // NULs, \x, high bytes
  const StoredFile binary = Put(store, all, "");
  const StoredFile empty = Put(store, "", "");
  EXPECT_EQ(Get(store, binary.sha256), all);
  EXPECT_EQ(empty.size, 0);
  EXPECT_EQ(Get(store, empty.sha256), std::string()) << "an empty file is stored, not a miss";
}

TEST_P(FileStoreTest, RolledBackPutLeavesNoRow) {
  const FileStore store = Store();
  std::string sha;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    sha = store.Put(tx, kPdfBytes, "application/pdf", clock_.Now()).sha256;
  }  // not committed
  EXPECT_EQ(Stat(sha), std::nullopt);
  EXPECT_EQ(Get(store, sha), std::nullopt);
  Put(store, kPdfBytes);  // a left-behind file on disk does not get in the way
  EXPECT_EQ(Get(store, sha), kPdfBytes);
}

TEST_P(FileStoreTest, ConcurrentPutsOfTheSameBytesMakeOneRow) {
  const FileStore store = Store();
  std::vector<std::string> hashes(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { hashes[i] = Put(store, kPdfBytes).sha256; });
  for (auto& t : threads) t.join();
  for (const auto& h : hashes) EXPECT_EQ(h, crypto::Sha256Hex(kPdfBytes));
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM files")->Int(0), 1);
  if (on_disk()) {
    const fs::path leaf = PathOf(hashes[0]).parent_path();
    EXPECT_EQ(std::distance(fs::directory_iterator(leaf), fs::directory_iterator{}), 1)
        << "no temporary files left behind";
  }
}

TEST_P(FileStoreTest, ChangedBytesAreCaughtNotServed) {
  const FileStore store = Store();
  const std::string sha = Put(store, kPdfBytes).sha256;
  const std::string forged = "%PDF-1.7\n准予许可通知书\n%%EOF\n";
  if (on_disk()) {
    std::ofstream(PathOf(sha), std::ios::binary | std::ios::trunc) << forged;
  } else {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    tx.Exec("UPDATE files SET content = ? WHERE sha256 = ?", {db::Blob{forged}, sha});
    tx.Commit();
  }
  EXPECT_EQ(GetErrorCode(store, sha), "files.corrupt");
}

TEST_P(FileStoreDirTest, MissingFileIsAnErrorAndAnotherPutRepairsIt) {
  const FileStore store = Store();
  const std::string sha = Put(store, kPdfBytes).sha256;
  fs::remove(PathOf(sha));
  EXPECT_EQ(GetErrorCode(store, sha), "files.missing");
  Put(store, kPdfBytes);
  EXPECT_EQ(Get(store, sha), kPdfBytes);

  std::ofstream(PathOf(sha), std::ios::binary | std::ios::trunc) << "damaged";
  EXPECT_EQ(GetErrorCode(store, sha), "files.corrupt");
  Put(store, kPdfBytes);
  EXPECT_EQ(Get(store, sha), kPdfBytes);
}

TEST_P(FileStoreDirTest, RowsStayReadableWhenTheSettingChanges) {
  const FileStore in_db(""), in_dir(dir_.string());
  const std::string kept_in_db = Put(in_db, "first, in the database").sha256;
  const std::string kept_on_disk = Put(in_dir, "later, in the directory").sha256;
  EXPECT_EQ(Get(in_dir, kept_in_db), "first, in the database") << "turning storage_dir on loses nothing";
  EXPECT_EQ(Get(in_dir, kept_on_disk), "later, in the directory");
  // Turning it off again cannot reach the directory: said loudly, not as "no such file".
  EXPECT_EQ(GetErrorCode(in_db, kept_on_disk), "files.no_storage_dir");
}

std::string ParamName(const ::testing::TestParamInfo<Param>& info) {
  std::string dialect = std::get<0>(info.param);
  for (auto& c : dialect)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return dialect + (std::get<1>(info.param) ? "_dir" : "_database");
}

INSTANTIATE_TEST_SUITE_P(Stores, FileStoreTest,
                         ::testing::Combine(::testing::ValuesIn(testing::TestDialects()), ::testing::Bool()),
                         ParamName);
INSTANTIATE_TEST_SUITE_P(Stores, FileStoreDirTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::files
