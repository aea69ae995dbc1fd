import { createContext, useContext } from 'react';

export type ColorMode = 'light' | 'dark';

export interface ColorModeValue {
  mode: ColorMode;
  setMode: (mode: ColorMode) => void;
  toggle: () => void;
}

export const ColorModeContext = createContext<ColorModeValue>({ mode: 'light', setMode: () => {}, toggle: () => {} });

export const useColorMode = () => useContext(ColorModeContext);
