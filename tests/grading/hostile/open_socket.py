# problem: prune-weights
# expect: verdict=runtime_error
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import socket


def prune_weights(weights, threshold):
    s = socket.create_connection(('127.0.0.1', {{PORT}}), timeout=0.5)
    s.sendall(b'escaped')
    return _prune(weights, threshold)
