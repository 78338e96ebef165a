"""The email designer: blocks, rich text with variable chips, and the real-HTML preview."""
