# problem: cross-entropy
# expect: verdict=wrong_answer
import torch


def cross_entropy(logits, targets):
    probs = logits.exp() / logits.exp().sum(dim=1, keepdim=True)  # overflows for large logits
    return -probs[torch.arange(len(targets)), targets].log().mean()
