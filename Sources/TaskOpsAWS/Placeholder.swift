// TaskOpsAWS: see DESIGN.md
