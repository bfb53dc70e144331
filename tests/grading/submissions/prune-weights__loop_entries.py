# problem: prune-weights
# expect: verdict=not_vectorized vectorized=bad
import torch


def prune_weights(weights, threshold):
    if threshold < 0:
        raise ValueError("negative")
    flat = weights.flatten().clone()
    for i in range(flat.numel()):
        if abs(flat[i].item()) < threshold:
            flat[i] = 0
    return flat.reshape(weights.shape)
