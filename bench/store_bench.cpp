// Durable writes through store::Database: group commit against one commit per write.
//
// Each iteration is one Write() that upserts a shopping-list row, like an AddItem turn, with
// synchronous=FULL (one fsync per COMMIT). `batch:1` forbids batching (the behaviour before
// group commit); `batch:128` lets concurrent writers share a commit. Threads stand for the
// server's request workers. The counters report commits per write (1.0 = no batching).
//
// Run: cmake -DCHARIOT_BENCH=ON ... && ./build/store_bench   (the database goes in $TMPDIR)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/database.h"

using chariot::Status;
using chariot::store::Connection;
using chariot::store::Database;
using chariot::store::DatabaseOptions;

namespace {

std::unique_ptr<Database> g_database;
std::string g_path;
std::atomic<int64_t> g_next_user{0};

void OpenFresh(int max_batch) {
  const char* tmp = std::getenv("TMPDIR");
  std::filesystem::path dir = tmp ? tmp : "/tmp";
  g_path = (dir / ("chariot_store_bench_" + std::to_string(::getpid()) + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(g_path + suffix);
  DatabaseOptions options;
  options.max_batch = max_batch;
  g_database = std::move(*Database::Open(g_path, options));
  Status created = g_database->Write([](Connection& c) {
    c.Exec(
        "CREATE TABLE list_items(user_id TEXT, sku TEXT, quantity REAL, unit TEXT, "
        "updated_at INTEGER, PRIMARY KEY(user_id, sku))");
    return Status::Ok();
  });
  if (!created.ok()) std::abort();
}

void Close() {
  g_database.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(g_path + suffix);
}

void BM_DurableListWrite(benchmark::State& state) {
  if (state.thread_index() == 0) OpenFresh(static_cast<int>(state.range(0)));
  std::string user = "user-" + std::to_string(g_next_user.fetch_add(1));
  int64_t n = 0;
  for (auto _ : state) {
    std::string sku = "sku-" + std::to_string(n++ % 50);
    Status status = g_database->Write([&](Connection& c) {
      auto& upsert = c.Prepare(
          "INSERT INTO list_items(user_id, sku, quantity, unit, updated_at) VALUES(?, ?, ?, ?, ?) "
          "ON CONFLICT(user_id, sku) DO UPDATE SET quantity = quantity + excluded.quantity, "
          "updated_at = excluded.updated_at");
      upsert.bind(1, user);
      upsert.bind(2, sku);
      upsert.bind(3, 1.0);
      upsert.bind(4, "l");
      upsert.bind(5, static_cast<int64_t>(n));
      upsert.exec();
      return Status::Ok();
    });
    if (!status.ok()) state.SkipWithError("write failed");
  }
  if (state.thread_index() == 0) {
    // Other threads are past their loops once thread 0 is (the benchmark joins at the end).
    chariot::store::WriteStats stats = g_database->Stats();
    state.counters["commits_per_write"] =
        static_cast<double>(stats.commits) / static_cast<double>(stats.writes);
  }
}

void BM_Read(benchmark::State& state) {
  if (state.thread_index() == 0) {
    OpenFresh(128);
    g_database->Write([](Connection& c) {
      c.Exec("INSERT INTO list_items VALUES('u', 'lait', 2, 'l', 0)");
      return Status::Ok();
    });
  }
  for (auto _ : state) {
    auto quantity = g_database->Read([](Connection& c) -> chariot::Result<double> {
      auto& select = c.Prepare("SELECT quantity FROM list_items WHERE user_id = ? AND sku = ?");
      select.bind(1, "u");
      select.bind(2, "lait");
      select.executeStep();
      return select.getColumn(0).getDouble();
    });
    benchmark::DoNotOptimize(quantity);
  }
}

}  // namespace

BENCHMARK(BM_DurableListWrite)
    ->ArgName("batch")
    ->Arg(1)
    ->Arg(128)
    ->Threads(1)
    ->Threads(8)
    ->Threads(32)
    ->UseRealTime()
    ->Teardown([](const benchmark::State&) { Close(); });
BENCHMARK(BM_Read)->Threads(1)->Threads(4)->UseRealTime()->Teardown([](const benchmark::State&) {
  Close();
});

BENCHMARK_MAIN();
