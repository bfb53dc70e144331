# problem: prune-weights
# expect: verdict=accepted
# needs: keyring
# The kernel keyring is shared by every process of a uid: a submission must neither read a
# key the user keeps there nor leave one behind for a later run (or fill the user's quota).
import ctypes

import torch

ADD_KEY, REQUEST_KEY, KEYCTL = {{KEYCTL_NRS}}
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
USER_KEYRING = ctypes.c_long(-4)


def prune_weights(weights, threshold):
    reached = []
    found = libc.syscall(KEYCTL, 10, USER_KEYRING, b'user', b'{{KEY_PLANTED}}', 0)
    if found > 0:
        buf = ctypes.create_string_buffer(256)
        n = libc.syscall(KEYCTL, 11, ctypes.c_long(found), buf, 256)  # KEYCTL_READ
        reached.append('read the planted key: %r' % buf.raw[:max(n, 0)])
    data = b'left behind'
    if libc.syscall(ADD_KEY, b'user', b'{{KEY_FORGED}}', data, len(data), USER_KEYRING) > 0:
        reached.append('added a key')
    if libc.syscall(KEYCTL, 0, ctypes.c_long(-4), 0) >= 0:  # KEYCTL_GET_KEYRING_ID
        reached.append('reached the user keyring')
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
