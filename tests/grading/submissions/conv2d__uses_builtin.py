# problem: conv2d
# expect: verdict=runtime_error
# expect-message: the statement rules out (“Off limits (each raises an error here): `torch.nn.functional.conv2d`,
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return F.conv2d(x, weight, bias, stride=stride, padding=padding)
