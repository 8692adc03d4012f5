module leaklab/parity

go 1.23
