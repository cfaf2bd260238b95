#include "net/peer_watch.h"

#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace headroom::net {

bool peerHasClosed(int fd) {
  char byte = 0;
  const ssize_t peeked = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (peeked == 0) return true;  // end of stream: the peer sent FIN
  if (peeked < 0) return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;  // reset and the like
#ifdef __linux__
  tcp_info info{};
  socklen_t length = sizeof info;
  if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) == 0) {
    return info.tcpi_state == TCP_CLOSE_WAIT || info.tcpi_state == TCP_CLOSE || info.tcpi_state == TCP_LAST_ACK;
  }
#endif
  return false;
}

}  // namespace headroom::net
