/** The settings feature's public entry: what the app and other features may use. */
export { createSettingsService, type SettingsService } from './settings-service.js';
export { createStoredFileNotices, type StoredFileNotices } from './stored-file-notices.js';
