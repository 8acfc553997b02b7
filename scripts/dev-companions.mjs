// Long-running processes `npm run dev` starts next to the web app, with the same DATABASE_URL.
export const DEV_COMPANIONS = [];
