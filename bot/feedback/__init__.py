"""What the content owners' report needs: feedback and outcomes, stored without the conversation."""
