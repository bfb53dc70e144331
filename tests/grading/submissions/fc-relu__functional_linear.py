# problem: fc-relu
# expect: verdict=accepted
# The statement rules out the torch.nn.Linear module only: the functional form on the
# module's own parameters is a common, fair style.
import torch
import torch.nn.functional as F


class FullyConnectedReLU(torch.nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.empty(out_features, in_features))
        self.bias = torch.nn.Parameter(torch.zeros(out_features))
        torch.nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")

    def forward(self, x):
        return F.relu(F.linear(x, self.weight, self.bias))
