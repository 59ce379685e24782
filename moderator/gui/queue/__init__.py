"""The queue pane: which comments, in what order, the selection and bulk actions on it."""
