module leaklab/bench

go 1.23
