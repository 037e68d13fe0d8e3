// Pairing happens in the browser (it keeps a token in storage), so there is nothing to render on the server.
export const ssr = false;
