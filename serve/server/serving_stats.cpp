#include "serve/server/serving_stats.h"

namespace headroom::serve {

std::vector<double> histogramBoundsS(const engine::Slo& slo) {
  std::vector<double> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                             2.5,   5.0,    10.0,  30.0, 60.0,  120.0, 300.0, 600.0, 1800.0, 3600.0};
  for (const auto& bound : {slo.ttft, slo.tbt, slo.ttlt}) {
    // Divided (not multiplied by 1e-6) so 200,000 us is exactly the literal 0.2.
    if (bound) bounds.push_back(static_cast<double>(bound->count()) / 1e6);
  }
  return bounds;
}

}  // namespace headroom::serve
