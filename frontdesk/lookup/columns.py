"""Growable numpy columns: compact per-customer storage that still accepts additions."""

from __future__ import annotations

import numpy as np

PAD = -1  # empty token slot; similarity vectors keep a 0 in their last cell for it


class GrowableArray:
    """A numpy array (1-D, or 2-D with a growable width) extended in batches.

    Capacity doubles, so adding one customer at a time stays cheap, while a
    bulk build appends large batches without a Python object per value.
    """

    def __init__(self, dtype: type | np.dtype, width: int | None = None, fill: int = 0) -> None:
        self._fill = fill
        shape = (16,) if width is None else (16, max(width, 1))
        self._data = np.full(shape, fill, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    @property
    def view(self) -> np.ndarray:
        return self._data[: self._size]

    def extend(self, values: np.ndarray) -> None:
        needed = self._size + len(values)
        if needed > len(self._data):
            self._resize_rows(max(needed, 2 * len(self._data)))
        if values.ndim == 2 and values.shape[1] > self._data.shape[1]:
            self._widen(values.shape[1])
        if values.ndim == 2:
            self._data[self._size : needed, : values.shape[1]] = values
        else:
            self._data[self._size : needed] = values
        self._size = needed

    def _resize_rows(self, rows: int) -> None:
        grown = np.full((rows,) + self._data.shape[1:], self._fill, dtype=self._data.dtype)
        grown[: self._size] = self._data[: self._size]
        self._data = grown

    def _widen(self, width: int) -> None:
        grown = np.full((len(self._data), width), self._fill, dtype=self._data.dtype)
        grown[:, : self._data.shape[1]] = self._data
        self._data = grown

    def nbytes(self) -> int:
        return self._data.nbytes


def padded_matrix(rows: list[list[int]]) -> np.ndarray:
    """Token-id lists as one int32 matrix padded with PAD, ready for vectorised gathers."""
    width = max((len(r) for r in rows), default=1) or 1
    matrix = np.full((len(rows), width), PAD, dtype=np.int32)
    for i, row in enumerate(rows):
        matrix[i, : len(row)] = row
    return matrix
