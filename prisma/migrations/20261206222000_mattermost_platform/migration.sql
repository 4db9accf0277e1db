-- A third platform (issue 25): Mattermost teams are workspaces like Slack's and Discord's.
ALTER TYPE "Platform" ADD VALUE 'mattermost';
