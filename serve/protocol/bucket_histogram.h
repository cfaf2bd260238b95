#pragma once

#include "engine/metrics/bucket_histogram.h"

namespace headroom::serve {

// The engine's fixed-bound latency histogram, under the name the serving front's code and its
// Prometheus writer have always used.
using BucketHistogram = engine::BucketHistogram;

}  // namespace headroom::serve
