/** The key to use with the practice server: obviously not a real one. */
export const PRACTICE_KEY = 'sk-proj-PRACTICE-not-a-real-key-0000000000000000000000demo';
