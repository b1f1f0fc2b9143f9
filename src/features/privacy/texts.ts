export const PRIVACY_TEXTS = {
  kept: 'Kept. Nothing was erased.',
};
