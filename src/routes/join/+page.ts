// Joining keeps a credential in this browser's storage: nothing to render on the server.
export const ssr = false;
