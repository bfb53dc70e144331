# problem: prune-weights
# expect: verdict=compile_error
import torch

def prune_weights(weights, threshold)
    return weights
