#pragma once

#include "engine/core/qos_class.h"

namespace headroom::engine {

// The one rule of what a served request is worth when models of different quality share a pool (the
// third seed's reward): the class's rewardWeight x the serving model's accuracy on the request's task
// when the request met its class's SLO, else 0. A cancelled request earns nothing and is not judged.
inline double tierReward(const QosClass& qos, bool metSlo, double accuracy) {
  return metSlo ? qos.rewardWeight * accuracy : 0.0;
}

}  // namespace headroom::engine
