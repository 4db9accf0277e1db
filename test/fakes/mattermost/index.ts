export { actionsOf, type CallbackAnswer, FakeMattermost, type MattermostCall } from './fake-mattermost.ts';
export type { FakeDialog, FakePost, FakePostAction, FakeUser } from './mattermost-world.ts';
