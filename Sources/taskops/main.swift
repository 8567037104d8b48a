print("taskops: the console is being assembled")
