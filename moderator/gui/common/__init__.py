"""What every view uses: colours and chips, card delegates, layouts."""
