// Benchmarks of Chariot's understanding: start-up (load + compile + train both locales) and
// parse on a mixed set (the evaluation utterances of both locales plus hostile inputs).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCHARIOT_BENCH=ON
//   cmake --build build-bench --target nlu_bench && ./build-bench/nlu_bench
//
// BM_ParseMixed reports per-utterance figures as counters: median_us, p90_us, p99_us (each
// utterance timed over many rounds, then the distribution over utterances).
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "nlu/evaluation.h"
#include "nlu/parser.h"

namespace {

const std::string kIntents = std::string(CHARIOT_SOURCE_DIR) + "/intents";

struct Utterance {
  std::string text;
  std::string locale;
};

const chariot::nlu::Parser& SharedParser() {
  static auto parser = std::move(chariot::nlu::Parser::Load(kIntents)).value();
  return *parser;
}

const std::vector<Utterance>& MixedSet() {
  static const std::vector<Utterance> set = [] {
    std::vector<Utterance> out;
    for (const char* locale : {"fr-FR", "en-US"}) {
      auto eval = chariot::nlu::LoadEvaluationSet(std::string(CHARIOT_SOURCE_DIR) +
                                                  "/tests/nlu/eval/" + locale + ".json");
      if (!eval.ok()) continue;
      for (const auto& u : eval->utterances) out.push_back({u.text, locale});
    }
    out.push_back({"", "fr-FR"});
    out.push_back({std::string(10000, 'a'), "fr-FR"});
    out.push_back({"<speak>ajoute du lait</speak>", "fr-FR"});
    out.push_back({std::string("\xC3\x28", 2), "en-US"});
    return out;
  }();
  return set;
}

constexpr int64_t kNow = 1795510800;

// CPU time of this thread: the machine is shared, wall time would count other processes.
double ThreadMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

double ProcessMicros() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

// Start-up: load the files, compile the templates, train both classifiers (one thread per
// locale). cpu_ms counts every thread's CPU time; the wall time depends on the free cores.
void BM_Load(benchmark::State& state) {
  double cpu = 0;
  for (auto _ : state) {
    double start = ProcessMicros();
    auto parser = chariot::nlu::Parser::Load(kIntents);
    cpu += ProcessMicros() - start;
    if (!parser.ok()) state.SkipWithError(parser.status().message().c_str());
    benchmark::DoNotOptimize(parser);
  }
  state.counters["cpu_ms_all_threads"] = cpu / 1000.0 / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ParseMixed(benchmark::State& state) {
  const auto& parser = SharedParser();
  const auto& set = MixedSet();
  size_t i = 0;
  for (auto _ : state) {
    const Utterance& u = set[i++ % set.size()];
    benchmark::DoNotOptimize(parser.Parse(u.text, u.locale, kNow));
  }
  // Per-utterance distribution, measured apart from the loop above.
  std::vector<double> micros;
  std::vector<std::pair<double, std::string>> slowest;
  for (const Utterance& u : set) {
    constexpr int kRounds = 50;
    double start = ThreadMicros();
    for (int r = 0; r < kRounds; ++r)
      benchmark::DoNotOptimize(parser.Parse(u.text, u.locale, kNow));
    double each = (ThreadMicros() - start) / kRounds;
    micros.push_back(each);
    slowest.push_back({each, u.text.substr(0, 60)});
  }
  std::sort(micros.begin(), micros.end());
  if (std::getenv("NLU_BENCH_SLOWEST") != nullptr) {
    std::sort(slowest.rbegin(), slowest.rend());
    for (size_t k = 0; k < 15 && k < slowest.size(); ++k)
      std::fprintf(stderr, "%8.1f us  %s\n", slowest[k].first, slowest[k].second.c_str());
  }
  auto at = [&micros](double q) { return micros[static_cast<size_t>(q * (micros.size() - 1))]; };
  state.counters["median_us"] = at(0.5);
  state.counters["p90_us"] = at(0.9);
  state.counters["p99_us"] = at(0.99);
  state.counters["utterances"] = static_cast<double>(set.size());
}
BENCHMARK(BM_ParseMixed)->Unit(benchmark::kMicrosecond);

void BM_ParseContractExample(benchmark::State& state) {
  const auto& parser = SharedParser();
  for (auto _ : state)
    benchmark::DoNotOptimize(parser.Parse("ajoute deux litres de lait", "fr-FR", kNow));
}
BENCHMARK(BM_ParseContractExample)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
