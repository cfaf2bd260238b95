#pragma once

namespace headroom::net {

// Whether the peer of the connected TCP socket `fd` has closed its side (FIN or reset), without
// reading anything: bytes it sent and nobody read yet stay there. Never blocks. On Linux a FIN behind
// unread bytes (a TLS close_notify, say) is seen from the connection's state; elsewhere only when
// nothing unread is left before it.
bool peerHasClosed(int fd);

}  // namespace headroom::net
