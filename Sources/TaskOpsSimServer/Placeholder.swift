// TaskOpsSimServer: see DESIGN.md
