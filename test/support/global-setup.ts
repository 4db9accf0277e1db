// Replaced by the database template set-up (migrate once, clone per file).
export default function setup(): void {}
