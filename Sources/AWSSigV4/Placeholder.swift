// AWSSigV4: see DESIGN.md
