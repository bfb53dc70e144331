# problem: batch-norm
# expect: verdict=wrong_answer
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0)
    var = x.var(axis=0, ddof=1) if len(x) > 1 else np.zeros(x.shape[1])  # N - 1: the inference-style estimate
    return gamma * (x - mean) / np.sqrt(var + eps) + beta, mean, var
