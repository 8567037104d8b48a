// TaskOpsService: see DESIGN.md
