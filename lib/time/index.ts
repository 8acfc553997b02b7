export * from './shanghai';
export * from './workdays';
