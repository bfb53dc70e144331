# problem: prune-weights
# expect: verdict=accepted
# needs: unix
# A Unix socket on the host, owned by the sandbox's own user (like an SSH agent or a
# desktop session bus): connecting must fail, by path or through an fd of any family.
import socket

import torch

HOST_SOCKET = '{{UNIX_SOCKET}}'


def prune_weights(weights, threshold):
    reached = []
    for family in (socket.AF_UNIX, socket.AF_INET, socket.AF_NETLINK):
        try:
            s = socket.socket(family, socket.SOCK_STREAM if family != socket.AF_NETLINK else socket.SOCK_RAW)
        except OSError:
            continue
        if family == socket.AF_UNIX:
            try:
                s.connect(HOST_SOCKET)
                s.sendall(b'escaped')
                reached.append(HOST_SOCKET)
            except OSError:
                pass
        else:
            reached.append(f'opened a socket of family {family}')
        s.close()
    try:  # an unnamed pair is allowed: it reaches nothing
        a, b = socket.socketpair()
        a.close()
        b.close()
    except OSError as exc:
        reached.append(f'socketpair refused: {exc}')
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
