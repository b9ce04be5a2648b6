"""The guided interview through the official format: steps, answers, review and editing."""
