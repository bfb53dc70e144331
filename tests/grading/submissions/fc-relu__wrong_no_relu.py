# problem: fc-relu
# expect: verdict=wrong_answer
import math

import torch


class FullyConnectedReLU(torch.nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.empty(out_features, in_features))
        self.bias = torch.nn.Parameter(torch.zeros(out_features))
        torch.nn.init.kaiming_normal_(self.weight, nonlinearity="relu")

    def forward(self, x):
        return x @ self.weight.T + self.bias
