import { requirePositive } from './numbers';

export interface HeadMeasurements {
  tragusToTragusCm: number;
  nasionToInionCm: number;
  circumferenceCm: number;
}

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Beam F3 method (Beam et al., Brain Stimul 2009), using the web calculator's formula (the
 * paper's printed one differs). X: distance along the circumference from Fpz; Y: from Cz.
 * Both in cm, to 0.01 cm.
 */
export function beamF3({ tragusToTragusCm, nasionToInionCm, circumferenceCm }: HeadMeasurements): { xCm: number; yCm: number } {
  requirePositive('Tragus to tragus', tragusToTragusCm);
  requirePositive('Nasion to inion', nasionToInionCm);
  requirePositive('Head circumference', circumferenceCm);
  const r2 = 0.4 * tragusToTragusCm;
  const r1 = 0.4 * nasionToInionCm;
  const a = (r2 * Math.sin(rad(324)) + r1 / 2) / r2;
  const b = (r1 * Math.sin(rad(298))) / (r1 * Math.cos(rad(298)) - r2 / 2);
  const x = (0.5 * (r1 - r2 * b)) / (a - b);
  const y = a * x - r1 / 2;
  const yCm = 0.91 * Math.sqrt(x * x + y * y);
  const xCm = ((circumferenceCm / 4) * (90 + (Math.atan(y / x) * 180) / Math.PI)) / 90;
  if (!Number.isFinite(xCm) || !Number.isFinite(yCm)) throw new RangeError('These head measurements give no F3 position');
  return { xCm: round2(xCm), yCm: round2(yCm) };
}
