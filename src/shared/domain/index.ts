export * from './aggregate-root';
export * from './clock';
export * from './country-code';
export * from './currency-code';
export * from './domain-error';
export * from './domain-event';
export * from './ids';
export * from './money';
