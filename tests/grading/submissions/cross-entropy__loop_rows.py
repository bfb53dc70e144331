# problem: cross-entropy
# expect: verdict=not_vectorized vectorized=bad
import torch


def cross_entropy(logits, targets):
    losses = []
    for row, target in zip(logits, targets):
        top = row.max()
        losses.append(top + (row - top).exp().sum().log() - row[target])
    return torch.stack(losses).mean()
