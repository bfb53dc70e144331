# problem: attention
# expect: verdict=wrong_answer
import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1)  # forgets the 1/sqrt(d)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
