/** Dial by name: how much must be typed, how long typing must pause, how many people to show. */
export const DIRECTORY_MIN_QUERY = 2;
export const DIRECTORY_DEBOUNCE_MS = 250;
export const DIRECTORY_MAX_RESULTS = 10;
