print("taskops")
