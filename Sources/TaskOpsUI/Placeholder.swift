// TaskOpsUI: see DESIGN.md
