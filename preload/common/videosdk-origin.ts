/** VideoSDK's API origin; its paths begin with /v2/. Zod-free: main and the window both read it. */
export const VIDEOSDK_DEFAULT_BASE_URL = 'https://api.videosdk.live';
