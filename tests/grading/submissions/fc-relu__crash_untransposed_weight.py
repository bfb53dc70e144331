# problem: fc-relu
# expect: verdict=runtime_error
# forward multiplies by the weight untransposed: the shapes do not match, and the verdict
# is the runtime error with its traceback (the validator once called it a wrong answer).
import torch


class FullyConnectedReLU(torch.nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.empty(out_features, in_features))
        torch.nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")
        self.bias = torch.nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return torch.relu(x @ self.weight + self.bias)
