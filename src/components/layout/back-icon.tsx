import { ArrowLeftOutlined } from '@ant-design/icons';

/**
 * The page header's back control. refine draws a Button inside the header's own
 * role="button" wrapper (named "back"), an interactive element inside another that screen
 * readers and axe refuse (nested-interactive); an icon alone leaves one control.
 */
export const BACK_ICON = <ArrowLeftOutlined aria-hidden />;
